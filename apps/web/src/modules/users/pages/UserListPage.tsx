import { PlusOutlined } from "@ant-design/icons";
import type { User } from "@sanshe/contracts";
import { Button, Card, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CursorListTable } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useUserList } from "../api";
import { MembershipTag } from "../components/MembershipTag";
import { UserCreateDrawer } from "../components/UserCreateDrawer";
import { UserDetailDrawer } from "../components/UserDetailDrawer";
import { UserFilters } from "../components/UserFilters";
import { UserStatusTag } from "../components/UserStatusTag";
import { useUserFilters } from "../hooks/useUserFilters";

/** Memberships shown in a row before the rest collapse into "+N". */
const VISIBLE_MEMBERSHIPS = 3;

/** 账号管理: server-paginated accounts with filters, creation and a detail drawer. */
export function UserListPage() {
  const { t } = useTranslation();
  const { filters, setFilters, openUserId, openUser } = useUserFilters();
  const [isCreating, setIsCreating] = useState(false);
  const paging = useCursorPaging([filters.q, filters.role, filters.status], 50);
  const { pagination, pageSize } = paging;

  const users = useUserList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = filters.q !== undefined || filters.role !== undefined || filters.status !== undefined;

  const columns: TableColumnsType<User> = [
    {
      key: "login",
      title: t("users.fields.login"),
      dataIndex: "login",
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (login: string, user) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => openUser(user.id)}
          aria-label={t("users.list.open", { login })}
        >
          {/* A login is an identifier, shown as typed. */}
          <span data-allow-code>{login}</span>
        </Button>
      ),
    },
    { key: "displayName", title: t("users.fields.displayName"), dataIndex: "display_name" },
    { key: "status", title: t("users.fields.status"), render: (_value, user) => <UserStatusTag user={user} />, width: 140 },
    {
      key: "memberships",
      title: t("users.fields.memberships"),
      render: (_value, user) => (
        <>
          {user.memberships.slice(0, VISIBLE_MEMBERSHIPS).map((membership) => (
            <MembershipTag key={membership.id} membership={membership} />
          ))}
          {user.memberships.length > VISIBLE_MEMBERSHIPS ? (
            <Typography.Text type="secondary">+{user.memberships.length - VISIBLE_MEMBERSHIPS}</Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: "lastLogin",
      title: t("users.fields.lastLogin"),
      dataIndex: "last_login_at",
      render: (value: string | null) => formatDateTime(value),
      width: 180,
    },
    {
      key: "actions",
      title: t("users.list.actions"),
      width: 100,
      render: (_value, user) => (
        <Button type="link" size="small" onClick={() => openUser(user.id)}>
          {t("users.list.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("users.list.title")}
        subtitle={t("users.list.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t("users.create.open")}
          </Button>
        }
      />
      <Card>
        <UserFilters value={filters} onChange={setFilters} />
        <CursorListTable<User>
          query={users}
          paging={paging}
          columns={columns}
          scrollX={900}
          emptyText={hasFilters ? t("users.list.emptyFiltered") : t("users.list.empty")}
        />
      </Card>
      <UserCreateDrawer
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(user) => {
          setIsCreating(false);
          openUser(user.id);
        }}
      />
      <UserDetailDrawer userId={openUserId} onClose={() => openUser(undefined)} />
    </>
  );
}
