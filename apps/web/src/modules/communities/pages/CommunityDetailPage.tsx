import { PlusOutlined } from "@ant-design/icons";
import type { Facility, Grid } from "@sanshe/contracts";
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useHasPermission } from "../../auth";
import { useCommunity, useDeleteFacility, useFacilities, useGrids } from "../api";
import { ComplianceTags } from "../components/ComplianceTags";
import { FacilityFormModal } from "../components/FacilityFormModal";
import { GridFormModal } from "../components/GridFormModal";
import { ProfileForm } from "../components/ProfileForm";
import { SummaryTable } from "../../../ui/SummaryTable";

/** One community: profile, 三室两栏一站 at a glance, facilities and grids. */
export function CommunityDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { code = "" } = useParams();
  const canWrite = useHasPermission("communities.write");
  const community = useCommunity(code);
  const facilities = useFacilities(code);
  const grids = useGrids(code);
  const remove = useDeleteFacility(code);
  const [facilityModal, setFacilityModal] = useState<{ open: boolean; facility: Facility | null }>({ open: false, facility: null });
  const [gridModal, setGridModal] = useState<{ open: boolean; grid: Grid | null }>({ open: false, grid: null });

  if (community.isError) {
    return <ProblemAlert error={community.error} />;
  }
  const data = community.data;

  const facilityColumns: TableColumnsType<Facility> = [
    { key: "type", title: t("communities.fields.type"), width: 130, render: (_v, f) => t(`communities.facilityType.${f.type}`) },
    { key: "name", title: t("communities.fields.name"), dataIndex: "name" },
    { key: "area", title: t("communities.fields.area"), dataIndex: "area_m2", width: 110, render: (v: number | null) => v ?? "—" },
    { key: "hours", title: t("communities.fields.openingHours"), dataIndex: "opening_hours", render: (v: string | null) => v ?? "—" },
    {
      key: "bookable",
      title: t("communities.fields.bookable"),
      width: 90,
      render: (_v, f) => (f.bookable ? <Tag color="blue">{t("communities.common.yes")}</Tag> : t("communities.common.no")),
    },
    ...(canWrite
      ? [
          {
            key: "actions",
            title: t("communities.common.actions"),
            width: 150,
            render: (_v: unknown, f: Facility) => (
              <Space>
                <Button type="link" size="small" onClick={() => setFacilityModal({ open: true, facility: f })}>
                  {t("communities.common.edit")}
                </Button>
                <Popconfirm
                  title={t("communities.facilities.deleteConfirm", { name: f.name })}
                  okText={t("communities.common.confirm")}
                  cancelText={t("communities.common.cancel")}
                  onConfirm={() =>
                    remove.mutate(f.id, {
                      onSuccess: () => void message.success(t("communities.facilities.deleted")),
                      onError: (error) => void message.error(error.message),
                    })
                  }
                >
                  <Button type="link" size="small" danger>
                    {t("communities.common.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const gridColumns: TableColumnsType<Grid> = [
    { key: "name", title: t("communities.grids.name"), dataIndex: "name" },
    { key: "worker", title: t("communities.grids.worker"), dataIndex: "grid_worker_name", render: (v: string | null) => v ?? "—" },
    ...(canWrite
      ? [
          {
            key: "actions",
            title: t("communities.common.actions"),
            width: 100,
            render: (_v: unknown, g: Grid) => (
              <Button type="link" size="small" onClick={() => setGridModal({ open: true, grid: g })}>
                {t("communities.common.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={data?.name ?? code}
        subtitle={
          <>
            <Link to="/communities">{t("communities.list.title")}</Link> · {code}
          </>
        }
      />
      <Card loading={community.isLoading} title={t("communities.detail.compliance")} style={{ marginBottom: 16 }}>
        {data ? (
          <Space direction="vertical">
            <ComplianceTags has={data.has} />
            {data.compliant ? (
              <Tag color="success">{t("communities.compliance.yes")}</Tag>
            ) : (
              <Tag color="error">{t("communities.detail.missingCount", { count: data.missing.length })}</Tag>
            )}
          </Space>
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card title={t("communities.detail.profile")} loading={community.isLoading} style={{ marginBottom: 16 }}>
            {data ? (
              <>
                <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t("communities.fields.facilityCount")}>{data.facility_count}</Descriptions.Item>
                </Descriptions>
                <ProfileForm community={data} canWrite={canWrite} />
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={t("communities.facilities.title")}
            style={{ marginBottom: 16 }}
            extra={
              canWrite ? (
                <Button icon={<PlusOutlined />} onClick={() => setFacilityModal({ open: true, facility: null })}>
                  {t("communities.facilities.add")}
                </Button>
              ) : null
            }
          >
            {facilities.isError ? <ProblemAlert error={facilities.error} style={{ marginBottom: 12 }} /> : null}
            <SummaryTable<Facility>
              rowKey="id"
              columns={facilityColumns}
              dataSource={facilities.data?.items ?? []}
              loading={facilities.isFetching}
              scroll={{ x: 700 }}
              locale={{ emptyText: <Empty description={t("communities.facilities.empty")} /> }}
            />
          </Card>
          <Card
            title={t("communities.grids.title")}
            extra={
              canWrite ? (
                <Button icon={<PlusOutlined />} onClick={() => setGridModal({ open: true, grid: null })}>
                  {t("communities.grids.add")}
                </Button>
              ) : null
            }
          >
            {grids.isError ? <ProblemAlert error={grids.error} style={{ marginBottom: 12 }} /> : null}
            <SummaryTable<Grid>
              rowKey="id"
              columns={gridColumns}
              dataSource={grids.data?.items ?? []}
              loading={grids.isFetching}
              locale={{ emptyText: <Empty description={t("communities.grids.empty")} /> }}
            />
          </Card>
        </Col>
      </Row>
      <FacilityFormModal
        code={code}
        open={facilityModal.open}
        facility={facilityModal.facility}
        onClose={() => setFacilityModal({ open: false, facility: null })}
      />
      <GridFormModal code={code} open={gridModal.open} grid={gridModal.grid} onClose={() => setGridModal({ open: false, grid: null })} />
    </>
  );
}
