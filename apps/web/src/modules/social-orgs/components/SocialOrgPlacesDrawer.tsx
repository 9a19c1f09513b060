import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { SocialOrg } from "@sanshe/contracts";
import { App, Button, Divider, Form, Input, Select, Space, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { usePutSocialOrgLists } from "../api";
import { FormDrawer } from "../../../ui/FormDrawer";

type Values = { area_codes: string[]; stations: Array<{ area_code: string; since?: string }> };

/** 服务区域与入驻社区: replaces both lists, each with the organization's current version. */
export function SocialOrgPlacesDrawer({ org, open, onClose }: { org: SocialOrg; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const put = usePutSocialOrgLists(org.id);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        area_codes: org.service_areas.map((area) => area.area_code),
        stations: org.stations.map((station) => ({ area_code: station.area_code, since: station.since ?? "" })),
      });
    }
  }, [open, org, form]);

  const submit = async (values: Values) => {
    try {
      const afterAreas = await put.mutateAsync({ kind: "service-areas", body: { version: org.version, area_codes: values.area_codes } });
      await put.mutateAsync({
        kind: "stations",
        body: {
          version: afterAreas.version,
          stations: values.stations.map((station) => ({ area_code: station.area_code.trim(), since: station.since?.trim() || null })),
        },
      });
      void message.success(t("socialOrgs.form.saved"));
      onClose();
    } catch (error) {
      form.setFields(toFormFieldErrors<Values>(error, ["area_codes", "stations"]).fields);
      if (isProblem(error, "VERSION_CONFLICT")) {
        void message.warning(t("socialOrgs.form.conflict"));
      }
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("socialOrgs.places.title")}
      size={560}
      cancelLabel={t("socialOrgs.form.cancel")}
      submitLabel={t("socialOrgs.form.save")}
      isSubmitting={put.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<Values> name="social-org-places" form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {put.isError ? <ProblemAlert error={put.error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="area_codes" label={t("socialOrgs.fields.serviceAreas")} extra={t("socialOrgs.places.areasHint")}>
          <Select mode="tags" tokenSeparators={[",", " ", "，"]} open={false} />
        </Form.Item>
        <Divider titlePlacement="start">{t("socialOrgs.fields.stations")}</Divider>
        <Typography.Paragraph type="secondary">{t("socialOrgs.places.stationsHint")}</Typography.Paragraph>
        <Form.List name="stations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, "area_code"]}
                    rules={[{ required: true, pattern: /^\d{12}$/, message: t("socialOrgs.places.communityCode") }]}
                  >
                    <Input placeholder="410105007001" maxLength={12} inputMode="numeric" style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "since"]}>
                    <Input type="date" style={{ width: 170 }} aria-label={t("socialOrgs.places.since")} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("socialOrgs.places.remove")}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ area_code: "", since: "" })}
                disabled={fields.length >= 200}
              >
                {t("socialOrgs.places.add")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
