import { PlusOutlined } from "@ant-design/icons";
import type { Household } from "@sanshe/contracts";
import { App, Button, Drawer, Flex, Form, Input, Modal, Result, Skeleton, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHasPermission } from "../../auth";
import { isProblem } from "../../../ui/api";
import { CursorListTable } from "../../../ui/CursorListTable";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateHousehold, useHousehold, useHouseholdList } from "../api";
import { RecordDescriptions } from "./RecordDescriptions";
import { SummaryTable } from "../../../ui/SummaryTable";

function HouseholdDrawer({
  id,
  onClose,
  onOpenResident,
}: {
  id: string | undefined;
  onClose: () => void;
  onOpenResident: (id: string) => void;
}) {
  const { t } = useTranslation();
  const household = useHousehold(id);
  const body = (() => {
    if (household.isPending) {
      return <Skeleton active />;
    }
    if (household.isError) {
      return isProblem(household.error, "NOT_FOUND") ? (
        <Result status="404" title={t("residents.detail.notFound")} />
      ) : (
        <ProblemAlert error={household.error} />
      );
    }
    const data = household.data;
    return (
      <>
        <RecordDescriptions
          items={[
            { key: "address", label: t("residents.households.address"), children: data.address },
            { key: "community", label: t("residents.fields.community"), children: `${data.area_name}（${data.area_code}）` },
            { key: "head", label: t("residents.households.head"), children: data.head_name ?? "—" },
          ]}
        />
        <SummaryTable
          style={{ marginTop: 16 }}
          rowKey="id"
          dataSource={data.members}
          columns={[
            {
              key: "name",
              title: t("residents.fields.name"),
              render: (_value, member) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenResident(member.id)}>
                  {member.name}
                </Button>
              ),
            },
            {
              key: "relation",
              title: t("residents.fields.relation"),
              render: (_value, member) => (member.relation_to_head ? t(`residents.relation.${member.relation_to_head}`) : "—"),
            },
            { key: "age", title: t("residents.fields.age"), dataIndex: "age" },
            {
              key: "id",
              title: t("residents.fields.idNumber"),
              render: (_value, member) => <Typography.Text code>{member.id_number_masked}</Typography.Text>,
            },
          ]}
        />
      </>
    );
  })();
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={640} destroyOnHidden title={t("residents.households.detail")}>
      {body}
    </Drawer>
  );
}

function HouseholdCreateModal({
  open,
  onClose,
  defaultAreaCode,
}: {
  open: boolean;
  onClose: () => void;
  defaultAreaCode: string | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ area_code: string; address: string }>();
  const create = useCreateHousehold();
  const idempotency = useIdempotencyKey();
  return (
    <Modal
      open={open}
      title={t("residents.households.createTitle")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? <ProblemAlert error={create.error} style={{ marginBottom: 12 }} /> : null}
      <Form
        name="household-create"
        form={form}
        layout="vertical"
        initialValues={{ area_code: defaultAreaCode }}
        onFinish={(values) => {
          const body = { area_code: values.area_code.trim(), address: values.address.trim() };
          create.mutate(
            { ...body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: () => {
                idempotency.reset();
                void message.success(t("residents.households.created"));
                onClose();
              },
              onError: (error) => showFieldErrors(form, error, ["area_code", "address"]),
            },
          );
        }}
      >
        <Form.Item
          name="area_code"
          label={t("residents.households.areaCode")}
          rules={[{ required: true, pattern: /^\d{12}$/, message: t("residents.form.required") }]}
        >
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t("residents.households.address")}
          rules={[{ required: true, whitespace: true, message: t("residents.form.required") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 户: households in the jurisdiction with head and member count; a drawer lists the members (masked). */
export function HouseholdsTab({
  areaCode,
  defaultAreaCode,
  onOpenResident,
}: {
  areaCode: string | undefined;
  defaultAreaCode: string | undefined;
  onOpenResident: (id: string) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useHasPermission("residents.write");
  const [q, setQ] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const paging = useCursorPaging([q, areaCode], 50);
  const { pagination, pageSize } = paging;
  const list = useHouseholdList({ q, area_code: areaCode, cursor: pagination.cursor, limit: pageSize });

  const columns: TableColumnsType<Household> = [
    {
      key: "address",
      title: t("residents.households.address"),
      render: (_value, household) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(household.id)}>
          {household.address || "—"}
        </Button>
      ),
    },
    { key: "community", title: t("residents.fields.community"), dataIndex: "area_name" },
    { key: "head", title: t("residents.households.head"), render: (_value, household) => household.head_name ?? "—" },
    { key: "members", title: t("residents.households.members"), dataIndex: "member_count", width: 100 },
  ];

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("residents.households.q")}
          style={{ maxWidth: 320 }}
          onSearch={(value) => setQ(value.trim() || undefined)}
        />
        {canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t("residents.households.create")}
          </Button>
        ) : null}
      </Flex>
      <CursorListTable<Household> query={list} paging={paging} columns={columns} emptyText={t("residents.households.empty")} />
      <HouseholdDrawer id={openId} onClose={() => setOpenId(undefined)} onOpenResident={onOpenResident} />
      <HouseholdCreateModal open={isCreating} onClose={() => setIsCreating(false)} defaultAreaCode={defaultAreaCode} />
    </>
  );
}
