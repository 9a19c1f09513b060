import { Alert, Descriptions, Drawer, Result, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useUser } from "../api";
import { DisplayNameForm } from "./DisplayNameForm";
import { MembershipList } from "./MembershipList";
import { PasswordResetForm } from "./PasswordResetForm";
import { UserStatusControl } from "./UserStatusControl";
import { UserStatusTag } from "./UserStatusTag";

type UserDetailDrawerProps = {
  userId: string | undefined;
  onClose: () => void;
};

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
      {children}
    </Typography.Title>
  );
}

/** One account: facts, display name, enable/disable, memberships and password reset. */
export function UserDetailDrawer({ userId, onClose }: UserDetailDrawerProps) {
  const { t } = useTranslation();
  const user = useUser(userId);

  const body = (() => {
    if (user.isPending) {
      return <Skeleton active paragraph={{ rows: 8 }} />;
    }
    if (user.isError) {
      return isProblem(user.error, "NOT_FOUND") ? (
        <Result status="404" title={t("users.detail.notFound")} />
      ) : (
        <ProblemAlert error={user.error} />
      );
    }
    const data = user.data;
    return (
      <>
        {data.status === "disabled" ? (
          <Alert type="warning" showIcon title={t("users.detail.disabledNotice")} style={{ marginBottom: 16 }} />
        ) : null}
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: "login", label: t("users.fields.login"), children: <Typography.Text code>{data.login}</Typography.Text> },
            { key: "status", label: t("users.fields.status"), children: <UserStatusTag user={data} /> },
            { key: "lastLogin", label: t("users.fields.lastLogin"), children: formatDateTime(data.last_login_at) },
            { key: "created", label: t("users.fields.createdAt"), children: formatDateTime(data.created_at) },
            { key: "updated", label: t("users.fields.updatedAt"), children: formatDateTime(data.updated_at) },
            { key: "version", label: t("users.fields.version"), children: data.version },
          ]}
        />
        <SectionTitle>{t("users.detail.profile")}</SectionTitle>
        <DisplayNameForm user={data} />
        <SectionTitle>{t("users.detail.status")}</SectionTitle>
        <UserStatusControl user={data} />
        <SectionTitle>{t("users.detail.memberships")}</SectionTitle>
        <MembershipList user={data} />
        <SectionTitle>{t("users.detail.password")}</SectionTitle>
        <PasswordResetForm user={data} />
      </>
    );
  })();

  return (
    <Drawer
      open={userId !== undefined}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={user.data ? `${user.data.display_name} · ${user.data.login}` : t("users.detail.title")}
    >
      {body}
    </Drawer>
  );
}
