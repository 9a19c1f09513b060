import { CallModeSchema } from "@sanshe/contracts";
import { Card, Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { AreaTreeSelect } from "../../../jurisdictions";
import type { CallFormOptions } from "./useCallFormOptions";

type CallContentSectionProps = {
  areaRoot: string | undefined;
  isEditing: boolean;
  options: CallFormOptions;
};

/** The call's content: area, purchaser, mode, title, description, the needs it answers and its target areas. */
export function CallContentSection({ areaRoot, isEditing, options }: CallContentSectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={t("calls.form.sections.content")}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="area_code" label={t("calls.fields.area")} rules={[{ required: true }]}>
            <AreaTreeSelect root={areaRoot} disabled={isEditing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="purchaser_name" label={t("calls.fields.purchaser")} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="mode" label={t("calls.fields.mode")} rules={[{ required: true }]}>
        <Select options={CallModeSchema.options.map((value) => ({ value, label: t(`calls.mode.${value}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t("calls.fields.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t("calls.fields.description")} rules={[{ required: true, whitespace: true, max: 10000 }]}>
        <Input.TextArea autoSize={{ minRows: 4 }} />
      </Form.Item>
      <Form.Item name="need_categories" label={t("calls.fields.needCategories")} extra={t("calls.form.categoryCountHint")}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: "label" }}
          loading={options.categories.isPending}
          options={(options.categories.data?.items ?? []).map((c) => ({
            value: c.code,
            label: options.counts.has(c.code)
              ? `${c.name}（${t("calls.form.needCount", { count: options.counts.get(c.code) ?? 0 })}）`
              : c.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="target_area_codes" label={t("calls.fields.targetAreas")} rules={[{ required: true, type: "array", min: 1 }]}>
        <AreaTreeSelect
          multiple
          root={options.area || undefined}
          describe={(code) =>
            options.areaCounts.has(code) ? t("calls.form.needCount", { count: options.areaCounts.get(code) ?? 0 }) : undefined
          }
        />
      </Form.Item>
    </Card>
  );
}
