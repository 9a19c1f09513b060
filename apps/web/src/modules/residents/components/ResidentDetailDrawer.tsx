import { Button, Drawer, Empty, Flex, Result, Skeleton, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHasPermission } from "../../auth";
import { isProblem } from "../../../ui/api";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useResident } from "../api";
import { GroupTags } from "./GroupTags";
import { MoveDialog } from "./MoveDialog";
import { ResidentAccountCard } from "./ResidentAccountCard";
import { ResidentFormDrawer } from "./ResidentFormDrawer";
import { UnmaskButton } from "./UnmaskButton";
import { RecordDescriptions, maskedContactItems } from "./RecordDescriptions";

/** One resident, masked: facts, groups, move history; actions by permission (show full, edit, move). */
export function ResidentDetailDrawer({ residentId, onClose }: { residentId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const resident = useResident(residentId);
  const canWrite = useHasPermission("residents.write");
  const [isEditing, setIsEditing] = useState(false);
  const [isMoving, setIsMoving] = useState(false);

  const body = (() => {
    if (resident.isPending) {
      return <Skeleton active paragraph={{ rows: 8 }} />;
    }
    if (resident.isError) {
      return isProblem(resident.error, "NOT_FOUND") ? (
        <Result status="404" title={t("residents.detail.notFound")} />
      ) : (
        <ProblemAlert error={resident.error} />
      );
    }
    const data = resident.data;
    const place = [data.address, data.building, data.unit, data.room].filter(Boolean).join(" ");
    return (
      <>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {data.can_unmask ? <UnmaskButton resident={data} /> : null}
          {canWrite ? (
            <>
              <Button onClick={() => setIsEditing(true)}>{t("residents.detail.edit")}</Button>
              <Button danger onClick={() => setIsMoving(true)}>
                {t("residents.detail.move")}
              </Button>
            </>
          ) : null}
        </Flex>
        <RecordDescriptions
          items={[
            { key: "name", label: t("residents.fields.name"), children: data.name },
            { key: "gender", label: t("residents.fields.gender"), children: data.gender ? t(`residents.gender.${data.gender}`) : "—" },
            {
              key: "birth",
              label: t("residents.fields.birthDate"),
              children: data.birth_date ? `${data.birth_date}（${data.age ?? "—"}）` : "—",
            },
            ...maskedContactItems(t, data),
            { key: "community", label: t("residents.fields.community"), children: `${data.area_name}（${data.area_code}）` },
            { key: "address", label: t("residents.fields.address"), children: place || "—" },
            { key: "grid", label: t("residents.fields.grid"), children: data.grid_name ?? "—" },
            {
              key: "relation",
              label: t("residents.fields.relation"),
              children: data.relation_to_head ? t(`residents.relation.${data.relation_to_head}`) : "—",
            },
            { key: "groups", label: t("residents.fields.groups"), children: data.groups.length ? <GroupTags groups={data.groups} /> : "—" },
            {
              key: "basis",
              label: t("residents.fields.legalBasis"),
              children: data.legal_basis
                ? `${t(`residents.legalBasis.${data.legal_basis}`)}${data.consent_date ? ` ${data.consent_date}` : ""}`
                : "—",
            },
            {
              key: "version",
              label: t("residents.fields.version"),
              children: t("residents.fields.versionValue", { version: data.version }),
            },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
          {t("residents.detail.moves")}
        </Typography.Title>
        {data.moves.length ? (
          <Timeline
            items={data.moves.map((move) => ({
              key: move.moved_at,
              content: `${formatDateTime(move.moved_at)} ${move.from_area_code} → ${move.to_area_code}：${move.reason}`,
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("residents.detail.noMoves")} />
        )}
        {canWrite ? <ResidentAccountCard resident={data} /> : null}
        <ResidentFormDrawer open={isEditing} resident={data} onClose={() => setIsEditing(false)} onSaved={() => setIsEditing(false)} />
        <MoveDialog
          resident={data}
          open={isMoving}
          onClose={() => setIsMoving(false)}
          onMoved={() => {
            setIsMoving(false);
            onClose();
          }}
        />
      </>
    );
  })();

  return (
    <Drawer
      open={residentId !== undefined}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={resident.data?.name ?? t("residents.detail.title")}
    >
      {body}
    </Drawer>
  );
}
