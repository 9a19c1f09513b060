import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { findPasswordProblem } from "../utils/validators";

/** New password plus confirmation, checked with the contract's password rule. */
export function PasswordFields({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        extra={t("users.password.rule")}
        rules={[
          { required: true, message: t("users.password.required") },
          {
            validator: async (_rule, value: unknown) => {
              if (typeof value !== "string" || value === "") {
                return;
              }
              const problem = findPasswordProblem(value);
              if (problem) {
                throw new Error(t(`users.password.${problem}`));
              }
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("users.password.confirm")}
        dependencies={["password"]}
        rules={[
          { required: true, message: t("users.password.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue("password")) {
                throw new Error(t("users.password.mismatch"));
              }
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
