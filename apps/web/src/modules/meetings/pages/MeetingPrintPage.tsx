import type { Meeting } from "@sanshe/contracts";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { MinutesView } from "../components/MinutesEditor";
import { RouteMeeting } from "../components/RouteMeeting";

/** Print-friendly minutes: meeting facts, attendance, minutes, resolutions and action items. */
export function MeetingPrintPage() {
  return <RouteMeeting>{(meeting) => <PrintedMinutes meeting={meeting} />}</RouteMeeting>;
}

function PrintedMinutes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <article className="meeting-print" style={{ maxWidth: 800, margin: "0 auto", background: "#fff", padding: 32 }}>
      <style>{"@media print { .no-print { display: none; } }"}</style>
      <Button className="no-print" onClick={() => window.print()} style={{ float: "right" }}>
        {t("meetings.detail.print")}
      </Button>
      <h1>{meeting.title}</h1>
      <p>
        {formatDateTime(meeting.starts_at)} – {formatDateTime(meeting.ends_at)} ·{" "}
        {meeting.place.facility_name ?? t("meetings.place.online")} · {meeting.area_name}
      </p>
      <p>
        {t("meetings.fields.convener")}：{meeting.convener_name}
      </p>
      <h2>{t("meetings.invitees.title")}</h2>
      <p>
        {meeting.invitees
          .map((i) => `${i.name}（${i.signed_in_at ? t("meetings.print.present") : t(`meetings.response.${i.response}`)}）`)
          .join("、")}
      </p>
      <h2>{t("meetings.minutes.title")}</h2>
      <MinutesView html={meeting.minutes_html} />
      <h2>{t("meetings.resolution.list")}</h2>
      <ol>
        {meeting.agenda.flatMap((item) =>
          item.resolutions.map((resolution) => (
            <li key={resolution.id}>
              {resolution.text}
              <ul>
                {resolution.action_items.map((a) => (
                  <li key={a.id}>
                    {a.expected_result} — {a.owner_unit_name} {a.owner_user_name}，{t("meetings.item.dueOn")} {a.due_on}
                  </li>
                ))}
              </ul>
            </li>
          )),
        )}
      </ol>
    </article>
  );
}
