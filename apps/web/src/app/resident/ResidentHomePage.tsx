import { FormOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, List, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ProblemAlert } from "../../ui/ProblemAlert";
import { useMe } from "../../modules/auth";
import { ResidentNeedCard, useNeedList } from "../../modules/needs";

/**
 * The resident's home (首页): needs waiting for their confirmation first, with the confirm form (the
 * only thing that closes them), then their recent needs, and the button 我要反映.
 */
export function ResidentHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const mine = useNeedList({ limit: 50 });
  const items = mine.data?.items ?? [];
  const awaiting = items.filter((need) => need.status === "done");
  const recent = items.filter((need) => need.status !== "done").slice(0, 3);
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t("app.resident.home.greeting", { name: me?.user.display_name ?? "" })}
        </Typography.Title>
        <Typography.Text type="secondary">{t("app.resident.home.subtitle")}</Typography.Text>
      </div>
      <Button type="primary" size="large" block icon={<FormOutlined />} onClick={() => void navigate("/report")} style={{ height: 52 }}>
        {t("app.resident.home.report")}
      </Button>
      <ProblemAlert error={mine.error} />
      {mine.isPending && <Spin />}
      {awaiting.length > 0 && (
        <section aria-labelledby="home-awaiting" data-testid="home-awaiting">
          <Typography.Title level={2} id="home-awaiting" style={{ fontSize: 18 }}>
            {t("app.resident.home.awaiting", { count: awaiting.length })}
          </Typography.Title>
          <Alert type="warning" showIcon message={t("app.resident.home.awaitingHint")} style={{ marginBottom: 12 }} />
          <Flex vertical gap={12}>
            {awaiting.map((need) => (
              <ResidentNeedCard key={need.id} need={need} />
            ))}
          </Flex>
        </section>
      )}
      <section aria-labelledby="home-recent">
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={2} id="home-recent" style={{ fontSize: 18 }}>
            {t("app.resident.home.recent")}
          </Typography.Title>
          <Link to="/my-needs" style={{ paddingBlock: 12 }}>
            {t("app.resident.home.all")} <RightOutlined aria-hidden />
          </Link>
        </Flex>
        {mine.data && recent.length === 0 ? (
          <Card size="small">
            <Empty description={t("app.resident.home.empty")} />
          </Card>
        ) : (
          <Card size="small" styles={{ body: { paddingBlock: 0 } }}>
            <List
              dataSource={recent}
              renderItem={(need) => (
                <List.Item>
                  <Link to="/my-needs" style={{ display: "block", width: "100%", color: "inherit", minHeight: 48 }}>
                    <Typography.Text strong>{need.category_name}</Typography.Text>
                    {" · "}
                    <Typography.Text>{t(`needs.status.${need.status}`)}</Typography.Text>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ marginBottom: 0 }}>
                      {need.description}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t(`needs.mine.nextStep.${need.status}`)}
                    </Typography.Text>
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        )}
      </section>
    </Flex>
  );
}
