import { db, type Db, type Tx } from "@/lib/db/client";
import { maskName } from "@/lib/validators/mask";
import { maskPhone } from "@/lib/server/auth/session-user";
import { parseInput } from "@/lib/server/http/parse-input";
import { ZFindOrganization, type TFindOrganization } from "./find-organization.types";

/**
 * The claim/join search by exact USCC plus name (a bad USCC or an empty name → VALIDATION_FAILED).
 * Not registered → { registered: false }: the caller may claim it. Registered under that name → its id
 * and the primary administrator masked (张*, 138****0000) for the joiner to name, never the member list.
 * Registered under another name → { registered: true, nameMatches: false } and nothing else.
 */
export async function findOrganization(input: TFindOrganization, client: Db | Tx = db) {
  const { uscc, name } = parseInput(ZFindOrganization, input);
  const org = await client.organization.findUnique({
    where: { uscc },
    select: {
      id: true,
      name: true,
      members: {
        where: { role: "ADMIN", status: "ACTIVE" },
        take: 1,
        select: { user: { select: { name: true, realName: true, phone: true } } },
      },
    },
  });
  if (!org) return { registered: false as const, uscc };
  if (org.name.trim() !== name) return { registered: true as const, nameMatches: false as const, uscc };
  const admin = org.members[0]?.user;
  return {
    registered: true as const,
    nameMatches: true as const,
    uscc,
    orgId: org.id,
    name: org.name,
    admin: admin ? { name: maskName(admin.realName ?? admin.name ?? ""), phone: maskPhone(admin.phone) } : null,
  };
}
