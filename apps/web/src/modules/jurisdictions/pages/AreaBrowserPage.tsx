import { Card, Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { withSearchParams } from "../../../ui/searchParams";
import { AreaBrowser } from "../components/AreaBrowser";
import { AreaDetailCard } from "../components/AreaDetailCard";

/** 辖区: browse the caller's jurisdiction as a tree or by name, and read one area's details. */
export function AreaBrowserPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedCode = searchParams.get("code") ?? undefined;
  const query = searchParams.get("q") ?? "";

  const update = (changes: Record<string, string | undefined>) => {
    setSearchParams((current) => withSearchParams(current, changes), { replace: true });
  };

  return (
    <>
      <PageHeader title={t("jurisdictions.page.title")} subtitle={t("jurisdictions.page.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card
            title={t("jurisdictions.page.browse")}
            styles={{ body: { maxHeight: "calc(100vh - 260px)", minHeight: 320, overflow: "auto" } }}
          >
            <AreaBrowser
              selectedCode={selectedCode}
              onSelect={(area) => update({ code: area.code })}
              query={query}
              onQueryChange={(q) => update({ q })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <AreaDetailCard code={selectedCode} />
        </Col>
      </Row>
    </>
  );
}
