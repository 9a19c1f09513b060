import type { Community, CommunityKind } from "@sanshe/contracts";
import { Alert, App, Button, Form, InputNumber, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useSaveProfile } from "../api";

type Values = { kind: CommunityKind | null; population: number | null; households: number | null; office_area_m2: number | null };

const KINDS: CommunityKind[] = ["new", "old", "transitional", "village_converted"];
const FIELDS = ["kind", "population", "households", "office_area_m2"];

/** Edits the community profile, creating it on first save (version 0); shows a 409 as a warning. */
export function ProfileForm({ community, canWrite }: { community: Community; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveProfile(community.code);
  const [hasConflict, setHasConflict] = useState(false);

  useEffect(() => {
    form.setFieldsValue({
      kind: community.kind,
      population: community.population,
      households: community.households,
      office_area_m2: community.office_area_m2,
    });
  }, [form, community]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      onValuesChange={() => setHasConflict(false)}
      onFinish={(values) =>
        save.mutate(
          {
            version: community.version,
            data: {
              kind: values.kind ?? null,
              population: values.population ?? null,
              households: values.households ?? null,
              office_area_m2: values.office_area_m2 ?? null,
            },
          },
          {
            onSuccess: () => void message.success(t("communities.profile.saved")),
            onError: (error) => {
              if (isProblem(error, "VERSION_CONFLICT")) {
                setHasConflict(true);
                return;
              }
              showFieldErrors(form, error, FIELDS, ["data"]);
            },
          },
        )
      }
    >
      {!community.exists ? <Alert type="info" showIcon title={t("communities.profile.missing")} style={{ marginBottom: 12 }} /> : null}
      {hasConflict ? <Alert type="warning" showIcon title={t("communities.common.conflict")} style={{ marginBottom: 12 }} /> : null}
      {save.isError && !isProblem(save.error, "VERSION_CONFLICT") ? <ProblemAlert error={save.error} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="kind" label={t("communities.fields.kind")}>
        <Select allowClear options={KINDS.map((kind) => ({ value: kind, label: t(`communities.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="population" label={t("communities.fields.population")}>
        <InputNumber min={0} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="households" label={t("communities.fields.households")}>
        <InputNumber min={0} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="office_area_m2" label={t("communities.fields.officeArea")}>
        <InputNumber min={0} precision={2} style={{ width: "100%" }} />
      </Form.Item>
      {canWrite ? (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("communities.common.save")}
        </Button>
      ) : null}
    </Form>
  );
}
