import type { Resident } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { RevealButton, revealedText } from "../../../ui/RevealButton";
import { useUnmaskResident } from "../api";

/** "查看完整信息": the full ID number and phone for a stated purpose (audited on the server). */
export function UnmaskButton({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const unmask = useUnmaskResident(resident.id);
  return (
    <RevealButton
      name="resident-unmask"
      label={t("residents.detail.showFull")}
      hint={t("residents.detail.purposeHint")}
      notice={t("residents.detail.full")}
      reveal={unmask}
      describe={(values) => [
        { key: "id", label: t("residents.fields.idNumber"), children: revealedText(values.id_number) },
        { key: "phone", label: t("residents.fields.phone"), children: revealedText(values.phone) },
      ]}
    />
  );
}
