import { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from "@sanshe/contracts";
import { Button, Collapse, List, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Password shared by the demo accounts that `sanshe seed` creates (unless the server sets another). */
export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

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
                dataSource={DEMO_LOGINS}
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
