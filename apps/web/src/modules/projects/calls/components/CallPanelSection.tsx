import { Card, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import type { CallFormOptions } from "./useCallFormOptions";

type CallPanelSectionProps = { options: CallFormOptions };

/** The review panel, searched among the users who may review a call of the area. */
export function CallPanelSection({ options }: CallPanelSectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={t("calls.form.sections.panel")}>
      <Form.Item name="reviewer_ids" label={t("calls.fields.reviewers")} extra={t("calls.form.panelHint")}>
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: options.setReviewerSearch }}
          onBlur={() => options.setReviewerSearch("")}
          loading={options.candidates.isFetching}
          notFoundContent={options.candidates.isError ? t("calls.form.candidatesError") : t("calls.form.noCandidates")}
          options={[...options.reviewerOptions].map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {options.candidates.isError ? <ProblemAlert error={options.candidates.error} /> : null}
    </Card>
  );
}
