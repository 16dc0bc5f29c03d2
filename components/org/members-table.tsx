"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { useLocale, useT } from "@/lib/i18n/client";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/org/member-actions";
import styles from "./org-area.module.css";

export type MemberRow = {
  id: string;
  name: string;
  phone: string;
  role: "ADMIN" | "CERT_ADMIN" | "SEAL_ADMIN" | "MEMBER" | "LEGAL_REP";
  since: string;
  validCertificates: number;
  isMe: boolean;
};

const ASSIGNABLE = ["MEMBER", "CERT_ADMIN", "SEAL_ADMIN"] as const;
type Assignable = (typeof ASSIGNABLE)[number];
const isAssignable = (role: MemberRow["role"]): role is Assignable => (ASSIGNABLE as readonly string[]).includes(role);

/** 人员管理's list: remove (after a confirmation naming the certificates it revokes), role change, the member's certificates. */
export function MembersTable({ orgId, members, canManage, canChangeRole = canManage, certificatesBase }: { orgId: string; members: MemberRow[]; canManage: boolean; canChangeRole?: boolean; certificatesBase: string | null }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<{ id: string; text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [roles, setRoles] = useState<Record<string, Assignable>>({});

  async function remove(m: MemberRow) {
    if (!window.confirm(t("orgMembers.members.confirmRemove", { name: m.name, count: m.validCertificates }))) return;
    setBusy(m.id);
    const res = await removeMemberAction(orgId, m.id);
    setBusy(null);
    if (!res.ok) return setMessage({ id: m.id, text: res.error.message, isError: true });
    setMessage({ id: "", text: t("orgMembers.members.removed", { name: m.name, count: res.data.revoked }), isError: false });
    router.refresh();
  }
  async function saveRole(m: MemberRow) {
    const role = roles[m.id];
    if (!role || role === m.role) return;
    setBusy(m.id);
    const res = await changeMemberRoleAction(orgId, m.id, role);
    setBusy(null);
    if (!res.ok) return setMessage({ id: m.id, text: res.error.message, isError: true });
    setMessage({ id: m.id, text: t("orgMembers.members.roleSaved"), isError: false });
    router.refresh();
  }

  return (
    <div className={styles.stack}>
      {message && message.id === "" && <p className={styles.ok} role="status">{message.text}</p>}
      <Table<MemberRow>
        caption={t("orgMembers.members.title")}
        isCaptionHidden
        rows={members}
        rowKey={(m) => m.id}
        empty={<EmptyState title={t("orgMembers.members.empty")} />}
        columns={[
          { key: "name", header: t("orgMembers.members.name"), cell: (m) => <span data-testid="member-name">{m.name}{m.isMe ? t("orgMembers.members.me") : ""}</span> },
          { key: "phone", header: t("orgMembers.members.phone"), cell: (m) => <span className={styles.mono}>{m.phone}</span> },
          {
            key: "role",
            header: t("orgMembers.members.role"),
            cell: (m) =>
              canChangeRole && isAssignable(m.role) && !m.isMe ? (
                <span className={styles.roleSelect}>
                  <Select
                    aria-label={t("orgMembers.members.changeRole")}
                    value={roles[m.id] ?? m.role}
                    onChange={(e) => setRoles({ ...roles, [m.id]: e.target.value as Assignable })}
                    options={ASSIGNABLE.map((r) => ({ value: r, label: t(`orgMembers.roles.${r}`) }))}
                    data-testid={`member-role-${m.id}`}
                  />
                  {roles[m.id] && roles[m.id] !== m.role && (
                    <Button size="sm" variant="outline" onClick={() => saveRole(m)} isLoading={busy === m.id}>{t("orgMembers.members.saveRole")}</Button>
                  )}
                </span>
              ) : (
                t(`orgMembers.roles.${m.role}`)
              ),
          },
          { key: "since", header: t("orgMembers.members.since"), cell: (m) => new Date(m.since).toLocaleDateString(locale) },
          { key: "certs", header: t("orgMembers.members.certificates"), align: "end", cell: (m) => m.validCertificates },
          {
            key: "actions",
            header: t("orgMembers.members.actions"),
            isLabelHiddenOnPhone: true,
            cell: (m) => (
              <div className={styles.actions}>
                {certificatesBase && <Link href={`${certificatesBase}/${m.id}`}>{t("orgMembers.members.viewCertificates")}</Link>}
                {canManage && m.role !== "ADMIN" && !m.isMe && (
                  <Button size="sm" variant="danger" onClick={() => remove(m)} isLoading={busy === m.id} data-testid={`member-remove-${m.id}`}>{t("orgMembers.members.remove")}</Button>
                )}
                {message && message.id === m.id && <p className={message.isError ? styles.error : styles.ok} role="status">{message.text}</p>}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
