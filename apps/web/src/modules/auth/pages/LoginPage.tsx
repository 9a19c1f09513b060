import { LockOutlined, UserOutlined } from "@ant-design/icons";
import type { SessionCreate } from "@sanshe/contracts";
import { Button, Card, Flex, Form, Input, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { LocaleSwitch } from "../../../ui/LocaleSwitch";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useLogin, useMe } from "../api";
import { DemoAccountsPanel } from "../components/DemoAccountsPanel";

function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = state.from;
    if (typeof from === "string" && from.startsWith("/") && !from.startsWith("/login")) {
      return from;
    }
  }
  return "/";
}

/** Sign-in page: login and password, language switch, and the demo accounts. */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SessionCreate>();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const idempotency = useIdempotencyKey();
  const target = redirectTarget(location.state);

  if (me.data) {
    return <Navigate to={target} replace />;
  }

  const submit = (values: SessionCreate) => {
    login.mutate(
      { ...values, idempotencyKey: idempotency.keyFor(values) },
      {
        onSuccess: () => {
          idempotency.reset();
          void navigate(target, { replace: true });
        },
        onError: (error) => {
          // After the server refused, a new attempt is a new submission; after a network failure it is a retry.
          if (!isProblem(error, "NETWORK_ERROR")) {
            idempotency.reset();
          }
          showFieldErrors(form, error, ["login", "password"]);
        },
      },
    );
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", padding: 24, background: "#f0f2f5" }}>
      <main style={{ width: "100%", maxWidth: 420 }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LocaleSwitch />
        </Flex>
        <Card>
          <Flex vertical align="center" style={{ marginBottom: 24 }}>
            <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
              {t("auth.login.product")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("auth.login.tagline")}</Typography.Text>
          </Flex>
          <Spin spinning={me.isLoading}>
            <Form<SessionCreate>
              name="login"
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={submit}
              onValuesChange={() => login.reset()}
            >
              <Form.Item
                name="login"
                label={t("auth.login.login")}
                rules={[{ required: true, whitespace: true, message: t("auth.login.loginRequired") }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t("auth.login.password")}
                rules={[{ required: true, message: t("auth.login.passwordRequired") }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              {login.isError ? <ProblemAlert error={login.error} style={{ marginBottom: 16 }} /> : null}
              <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
                {t("auth.login.submit")}
              </Button>
            </Form>
          </Spin>
          <div style={{ marginTop: 24 }}>
            <DemoAccountsPanel
              onPick={(demoLogin, password) => {
                form.setFieldsValue({ login: demoLogin, password });
                login.reset();
              }}
            />
          </div>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginTop: 16, fontSize: 12 }}>
          {t("auth.login.footer")}
        </Typography.Paragraph>
      </main>
    </Flex>
  );
}
