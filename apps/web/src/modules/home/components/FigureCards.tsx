import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";
import type { HomeFigures } from "@sanshe/contracts/home";
import { Card, Col, Flex, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatFigure, trendOf } from "../trend";

const arrows = { up: <ArrowUpOutlined />, down: <ArrowDownOutlined />, flat: <MinusOutlined /> } as const;

/** An official's key figures of their area: this period, the arrow against the period before, and its value. */
export function FigureCards({ figures }: { figures: HomeFigures }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("home.figures.title", { area: figures.area_name })}
        </Typography.Title>
      }
      extra={<Link to={figures.href}>{t("home.figures.dashboard")}</Link>}
    >
      <Typography.Paragraph type="secondary">{t("home.figures.period", { from: figures.from, to: figures.to })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {figures.items.map((figure) => {
          const trend = trendOf(figure);
          return (
            <Col key={figure.key} xs={12} md={6} data-testid={`figure-${figure.key}`}>
              <Typography.Text type="secondary">{t(`home.figures.items.${figure.key}`)}</Typography.Text>
              <Flex align="baseline" gap={8}>
                <Typography.Text strong style={{ fontSize: 24 }}>
                  {formatFigure(figure, figure.value, i18n.language)}
                </Typography.Text>
                {trend ? (
                  <span role="img" aria-label={t(`home.figures.${trend}`)} title={t(`home.figures.${trend}`)}>
                    {arrows[trend]}
                  </span>
                ) : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("home.figures.previous", { value: formatFigure(figure, figure.previous, i18n.language) })}
              </Typography.Text>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
