import type { ZodOpenApiPathsObject } from "zod-openapi";
import { openApiErrorResponses as errorResponses } from "@/lib/server/http/openapi-error-responses";
import { ZMatchPersonSubjectSchema, ZSubjectMatchSchema, SUBJECT_MATCH_LIMITS } from "./match-person-subject.types";

// The subject-match part of the platform API's OpenAPI document (lib/server/scan/openapi-document.ts).

const [perMinute, perDay] = SUBJECT_MATCH_LIMITS;

export const subjectMatchPaths: ZodOpenApiPathsObject = {
  "/subjects/match": {
    post: {
      operationId: "matchSubject",
      summary: "The subject identifier (DN serialNumber) of a person whose ID number the platform holds",
      description:
        "An individual's certificates carry in their subject DN serialNumber (2.5.4.5) a subject identifier: 32 upper-case hex characters, random, made by CertDesk the first time the person is certified and the same on every later certificate of theirs (renewal, change, reissue). It is not computed from the ID number, so it cannot be turned back into one; certificates issued before this rule carry the upper-case hex SM3 of the 18-character ID number instead (64 characters), which a platform can compute itself. " +
        "To link an account it keys by ID number, the platform sends that number and stores the identifier: a login's certificate then matches by serialNumber. " +
        `Answers only for people who have completed a scan request with this platform (e.g. a login); otherwise, and for a number nobody was certified under, 404 not_found. At most ${perMinute!.max} calls a minute and ${perDay!.max} a day per platform (429 rate_limited with retryAfter). Every call is audited without the number. ` +
        "Enterprise certificates need no call: their serialNumber is the 统一社会信用代码 itself (docs/certificate-profile.md).",
      requestBody: { required: true, content: { "application/json": { schema: ZMatchPersonSubjectSchema, example: { idNumber: "11010519491231002X" } } } },
      responses: {
        "200": { description: "The identifier: equal to the serialNumber attribute of the person's certificates' subject DN.", content: { "application/json": { schema: ZSubjectMatchSchema } } },
        ...errorResponses([400, 401, 404, 413, 415, 422, 429]),
      },
    },
  },
};
