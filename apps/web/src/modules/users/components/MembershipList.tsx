import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Membership, User } from "@sanshe/contracts";
import { App, Button, Card, Form, List, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useRoleLabel } from "../../auth";
import { useAddMembership, useRemoveMembership } from "../api";
import type { MembershipFormValues } from "../utils/membership-values";
import { toMembershipCreate } from "../utils/membership-values";
import { MembershipFields } from "./MembershipFields";

/** The account's memberships with removal, and a form to grant another one. */
export function MembershipList({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<MembershipFormValues>();
  const add = useAddMembership(user.id);
  const remove = useRemoveMembership(user.id);
  const idempotency = useIdempotencyKey();

  const describe = (membership: Membership) => [membership.area_code, membership.organization_name].filter(Boolean).join(" · ");

  return (
    <>
      {remove.isError ? <ProblemAlert error={remove.error} style={{ marginBottom: 12 }} /> : null}
      <List<Membership>
        bordered
        size="small"
        dataSource={user.memberships}
        locale={{ emptyText: t("users.membership.none") }}
        renderItem={(membership) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t("users.membership.confirmRemove")}
                okText={t("users.common.confirm")}
                cancelText={t("users.common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutate(membership.id, {
                    onSuccess: () => {
                      void message.success(t("users.membership.removed"));
                    },
                  })
                }
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables === membership.id}
                  aria-label={t("users.membership.remove", {
                    role: roleLabel(membership.role),
                    area: membership.area_name,
                  })}
                >
                  {t("users.membership.removeShort")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={`${roleLabel(membership.role, membership.area_code)} @ ${membership.area_name}`}
              description={<Typography.Text type="secondary">{describe(membership)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      <Card size="small" title={t("users.membership.addTitle")} style={{ marginTop: 12 }}>
        <Form<MembershipFormValues>
          name="membership-add"
          form={form}
          layout="vertical"
          onValuesChange={() => add.reset()}
          onFinish={(values) => {
            const body = toMembershipCreate(values);
            add.mutate(
              { ...body, idempotencyKey: idempotency.keyFor(body) },
              {
                onSuccess: () => {
                  idempotency.reset();
                  form.resetFields();
                  void message.success(t("users.membership.added"));
                },
                onError: (error) => {
                  showFieldErrors(form, error, ["role", "area_code", "organization_id"]);
                },
              },
            );
          }}
        >
          {add.isError ? <ProblemAlert error={add.error} style={{ marginBottom: 12 }} /> : null}
          <MembershipFields prefix={[]} absolutePrefix={[]} />
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t("users.membership.add")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
