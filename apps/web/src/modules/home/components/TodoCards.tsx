import type { Todo } from "@sanshe/contracts/home";
import { Card, Col, Empty, Flex, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/**
 * The overdue tag: white on dark red (8:1 contrast), where AntD's "error" tag (red on pink) falls short of
 * 4.5:1 and its tags with a custom colour keep a dark text colour of their own.
 */
const overdueStyle = {
  display: "inline-block",
  padding: "0 8px",
  borderRadius: 4,
  fontSize: 12,
  lineHeight: "20px",
  background: "#a8071a",
  color: "#ffffff",
} as const;

/** One card per kind of work with something waiting: the count, the overdue ones, and the list to act in. */
export function TodoCards({ items }: { items: readonly Todo[] }) {
  const { t } = useTranslation();
  const waiting = items.filter((item) => item.count > 0);
  if (waiting.length === 0) {
    return (
      <Card>
        <Empty
          description={
            <>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {t("home.todos.emptyTitle")}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t("home.todos.emptyNext")}
              </Typography.Paragraph>
            </>
          }
        />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      {waiting.map((item) => (
        <Col key={item.key} xs={24} sm={12} xl={8}>
          <Card data-testid={`todo-${item.key}`} style={{ height: "100%" }} styles={{ body: { padding: 16 } }}>
            <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
              {t(`home.todos.items.${item.key}.label`)}
            </Typography.Title>
            <Flex align="baseline" gap={12} wrap style={{ margin: "8px 0" }}>
              <Typography.Text data-testid="todo-count" strong style={{ fontSize: 28, lineHeight: 1.2 }}>
                {item.count}
              </Typography.Text>
              {item.overdue ? (
                <span data-testid="todo-overdue" style={overdueStyle}>
                  {t("home.todos.overdue", { count: item.overdue })}
                </span>
              ) : null}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t(`home.todos.items.${item.key}.description`)}
            </Typography.Paragraph>
            <Link to={item.href} aria-label={`${t("home.todos.open")}: ${t(`home.todos.items.${item.key}.label`)}`}>
              {t("home.todos.open")} →
            </Link>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
