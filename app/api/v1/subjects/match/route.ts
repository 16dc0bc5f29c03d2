import { platformRoute } from "@/lib/server/http/platform-route";
import { matchPersonSubject } from "@/lib/server/certs/match-person-subject";
import { ZMatchPersonSubjectSchema, ZSubjectMatchSchema } from "@/lib/server/certs/match-person-subject.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// POST /api/v1/subjects/match — the subject identifier (DN serialNumber) of a person the platform holds the ID number of
export const POST = platformRoute(({ platform, input }) => matchPersonSubject({ platformId: platform.id, idNumber: input.idNumber }), {
  body: ZMatchPersonSubjectSchema,
  response: ZSubjectMatchSchema,
});

// Any other method: a JSON 405 with Allow.
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
