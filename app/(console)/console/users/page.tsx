import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import { RoleSelect } from "@/components/console/role-select";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listUsers } from "@/lib/server/auth/list-users";
import { changeUserRoleAction } from "@/lib/actions/admin/user-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.users.metaTitle") };
}

const ROLES = ["APPLICANT", "CA_REVIEWER", "CA_ADMIN"] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "users.manage", next: "/console/users" });
  const t = await getT();
  const q = await searchParams;
  const { users, total, filter } = await listUsers({ user, filter: { q: q.q || undefined, role: q.role || undefined } });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`console.roles.${r}`) }));
  return (
    <div className={styles.page}>
      <PageHeader title={t("review.users.title")} description={t("review.users.lead")} />
      <form method="get" className={styles.filters}>
        <label>
          {t("review.users.search")}
          <Input name="q" defaultValue={filter.q ?? ""} />
        </label>
        <label>
          {t("review.users.role")}
          <Select name="role" defaultValue={filter.role ?? ""} placeholder={t("review.common.all")} options={roleOptions} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/users" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta}>{t("review.users.count", { count: total })}</p>
      <Table
        caption={t("review.users.title")}
        isCaptionHidden
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { key: "phone", header: t("review.users.phone"), cell: (u) => <span className={styles.mono}>{u.phone}</span> },
          { key: "name", header: t("review.users.name"), cell: (u) => <>{u.name ?? "—"}{u.id === user.id && <span className={styles.muted}> {t("review.users.self")}</span>}</> },
          { key: "created", header: t("review.users.createdAt"), cell: (u) => formatDateTime(u.createdAt, t.locale) },
          { key: "login", header: t("review.users.lastLogin"), cell: (u) => formatDateTime(u.lastLoginAt, t.locale) },
          {
            key: "role",
            header: t("review.users.role"),
            cell: (u) =>
              u.id === user.id ? t(`console.roles.${u.role}`) : <RoleSelect userId={u.id} role={u.role} options={roleOptions} label={t("review.users.changeRole")} change={changeUserRoleAction} />,
          },
        ]}
      />
    </div>
  );
}
