import type { NeedConfirmation, NeedDetail } from "@sanshe/contracts";
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Rate } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useConfirmNeed } from "../api";

type Values = Omit<NeedConfirmation, "callback"> & {
  method?: "phone" | "visit" | "other";
  called_at?: Dayjs;
  answered_by?: string;
  summary?: string;
};

/**
 * The stars, without the aria-required Form.Item hands its child: the rating list is not a widget
 * that may carry it (axe aria-allowed-attr); the rule's message says it is required.
 */
function RatingInput({ value, onChange }: { value?: number; onChange?: (value: number) => void }) {
  return <Rate allowClear={false} value={value} onChange={onChange} />;
}

/**
 * Confirmation of a done need. The resident confirms their own need with a rating; staff confirm
 * only by recording a call-back (how, when, who answered, what they said), and only once the
 * resident's wait is over (the server also refuses whoever served the need).
 */
export function ConfirmForm({ need, mode }: { need: NeedDetail; mode: "resident" | "callback" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmNeed(need.id);
  const allowedFrom = need.callback_allowed_from ? new Date(need.callback_allowed_from) : null;
  const tooEarly = mode === "callback" && allowedFrom !== null && allowedFrom.getTime() > Date.now();
  const callback = mode === "callback";
  return (
    <Card size="small" title={t(callback ? "needs.callback.title" : "needs.report.confirmTitle")}>
      {callback && (
        <Alert
          type={tooEarly ? "warning" : "info"}
          showIcon
          style={{ marginBottom: 12 }}
          message={
            tooEarly ? t("needs.callback.wait", { from: formatDateTime(need.callback_allowed_from as string) }) : t("needs.callback.rule")
          }
        />
      )}
      <ProblemAlert error={confirm.error} style={{ marginBottom: 12 }} />
      <Form<Values>
        layout="vertical"
        disabled={tooEarly}
        initialValues={{ solved: true, method: "phone", called_at: dayjs() }}
        onFinish={({ method, called_at, answered_by, summary, ...values }) =>
          // mutateAsync: the thanks is said even when the card moves or leaves the list once the need
          // closes (per-call callbacks of mutate are dropped on unmount); a failure shows in ProblemAlert.
          void confirm
            .mutateAsync(
              callback
                ? {
                    ...values,
                    callback: {
                      method: method ?? "phone",
                      called_at: (called_at ?? dayjs()).format(),
                      answered_by: answered_by ?? "",
                      summary: summary ?? "",
                    },
                  }
                : values,
            )
            .then(
              (updated) =>
                void message.success(t(updated.status === "closed" ? "needs.report.thanksClosed" : "needs.report.thanksReopened")),
              () => undefined,
            )
        }
      >
        {callback && (
          <>
            <Form.Item name="method" label={t("needs.callback.method")}>
              <Radio.Group>
                {(["phone", "visit", "other"] as const).map((method) => (
                  <Radio.Button key={method} value={method}>
                    {t(`needs.callback.methods.${method}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="called_at" label={t("needs.callback.calledAt")} rules={[{ required: true }]}>
              <DatePicker showTime format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isAfter(dayjs(), "day")} />
            </Form.Item>
            <Form.Item
              name="answered_by"
              label={t("needs.callback.answeredBy")}
              rules={[{ required: true, whitespace: true, message: t("needs.callback.answeredByRequired") }]}
            >
              <Input maxLength={50} placeholder={t("needs.callback.answeredByPlaceholder")} />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t("needs.callback.summary")}
              rules={[{ required: true, whitespace: true, message: t("needs.callback.summaryRequired") }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        <Form.Item name="solved" label={t("needs.field.solved")}>
          <Radio.Group>
            <Radio.Button value={true}>{t("needs.report.solvedYes")}</Radio.Button>
            <Radio.Button value={false}>{t("needs.report.solvedNo")}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="rating" label={t("needs.field.rating")} rules={[{ required: true, message: t("needs.report.ratingRequired") }]}>
          <RatingInput />
        </Form.Item>
        <Form.Item name="comment" label={t("needs.field.comment")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending} block>
          {t(callback ? "needs.callback.submit" : "needs.report.confirm")}
        </Button>
      </Form>
    </Card>
  );
}
