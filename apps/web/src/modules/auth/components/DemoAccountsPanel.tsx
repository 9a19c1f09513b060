import { Button, Collapse, List, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Password shared by the demo accounts that `sanshe seed` creates. */
export const DEMO_PASSWORD = "Sanshe-demo-2026";

const DEMO_ACCOUNTS = [
  "demo-city",
  "demo-district",
  "demo-district-erqi",
  "demo-street",
  "demo-community",
  "demo-org",
  "demo-worker",
  "demo-evaluator",
  "demo-resident",
  "demo-auditor",
  "demo-department",
] as const;

/** Collapsible list of the demo accounts; choosing one fills the login form. */
export function DemoAccountsPanel({ onPick }: { onPick: (login: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: "demo",
          label: t("auth.login.demo.title"),
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t("auth.login.demo.hint")}{" "}
                <Typography.Text code copyable>
                  {DEMO_PASSWORD}
                </Typography.Text>
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={DEMO_ACCOUNTS}
                renderItem={(login) => (
                  <List.Item
                    actions={[
                      <Button key="use" type="link" size="small" onClick={() => onPick(login, DEMO_PASSWORD)}>
                        {t("auth.login.demo.use")}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={<Typography.Text code>{login}</Typography.Text>}
                      description={t(`auth.login.demo.accounts.${login}`)}
                    />
                  </List.Item>
                )}
              />
            </>
          ),
        },
      ]}
    />
  );
}
