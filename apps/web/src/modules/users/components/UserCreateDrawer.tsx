import { PlusOutlined } from "@ant-design/icons";
import type { User } from "@sanshe/contracts";
import { App, Button, Divider, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateUser } from "../api";
import type { MembershipFormValues } from "../utils/membership-values";
import { toMembershipCreate } from "../utils/membership-values";
import { isValidLogin } from "../utils/validators";
import { MembershipFields } from "./MembershipFields";
import { PasswordFields } from "./PasswordFields";
import { FormDrawer } from "../../../ui/FormDrawer";
import { RemovableCard } from "../../../ui/RemovableCard";

type CreateFormValues = {
  login: string;
  display_name: string;
  password: string;
  confirm: string;
  memberships: MembershipFormValues[];
};

const FORM_FIELDS = ["login", "display_name", "password", "memberships"] as const;

type UserCreateDrawerProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
};

/** 新建账号: login, display name, first password and at least one membership. */
export function UserCreateDrawer({ open, onClose, onCreated }: UserCreateDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateFormValues>();
  const createUser = useCreateUser();
  const idempotency = useIdempotencyKey();

  const submit = (values: CreateFormValues) => {
    const body = {
      login: values.login.trim().toLowerCase(),
      display_name: values.display_name.trim(),
      password: values.password,
      memberships: values.memberships.map(toMembershipCreate),
    };
    createUser.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (user) => {
          idempotency.reset();
          void message.success(t("users.create.done", { login: user.login }));
          form.resetFields();
          createUser.reset();
          onCreated(user);
        },
        onError: (error) => {
          const { fields } = toFormFieldErrors<CreateFormValues>(error, FORM_FIELDS);
          if (isProblem(error, "LOGIN_TAKEN") && fields.length === 0) {
            fields.push({ name: ["login"], errors: [error.problem.detail] });
          }
          form.setFields(fields);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("users.create.title")}
      size={720}
      cancelLabel={t("users.common.cancel")}
      submitLabel={t("users.create.submit")}
      isSubmitting={createUser.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<CreateFormValues>
        name="user-create"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ memberships: [{}] }}
        scrollToFirstError
      >
        {createUser.isError ? <ProblemAlert error={createUser.error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="login"
          label={t("users.fields.login")}
          extra={t("users.create.loginRule")}
          rules={[
            { required: true, whitespace: true, message: t("users.create.loginRequired") },
            {
              validator: async (_rule, value: unknown) => {
                if (typeof value === "string" && value.trim() !== "" && !isValidLogin(value)) {
                  throw new Error(t("users.create.loginFormat"));
                }
              },
            },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="display_name"
          label={t("users.fields.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.create.displayNameRequired") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <PasswordFields label={t("users.create.password")} />

        <Divider titlePlacement="start">{t("users.create.memberships")}</Divider>
        <Typography.Paragraph type="secondary">{t("users.create.membershipsHint")}</Typography.Paragraph>
        <Form.List
          name="memberships"
          rules={[
            {
              validator: async (_rule, memberships: unknown[] | undefined) => {
                if (!memberships || memberships.length === 0) {
                  throw new Error(t("users.create.membershipsRequired"));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <RemovableCard
                  key={field.key}
                  title={t("users.create.membershipNumber", { number: index + 1 })}
                  removeLabel={t("users.create.removeMembership", { number: index + 1 })}
                  canRemove={fields.length > 1}
                  onRemove={() => remove(field.name)}
                >
                  <MembershipFields prefix={[field.name]} absolutePrefix={["memberships", field.name]} />
                </RemovableCard>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
                {t("users.create.addMembership")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
