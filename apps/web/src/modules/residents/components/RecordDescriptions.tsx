import { Descriptions, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import type { TFunction } from "i18next";

type Items = NonNullable<DescriptionsProps["items"]>;

/** The bordered one-column facts of a record (a resident, a household). */
export function RecordDescriptions({ items }: { items: Items }) {
  return <Descriptions size="small" bordered column={1} items={items} />;
}

/** The masked ID number and phone of a resident, in code font ("—" when unknown). */
export function maskedContactItems(t: TFunction, data: { id_number_masked: string | null; phone_masked: string | null }): Items {
  return [
    {
      key: "id",
      label: t("residents.fields.idNumber"),
      children: <Typography.Text code>{data.id_number_masked ?? "—"}</Typography.Text>,
    },
    {
      key: "phone",
      label: t("residents.fields.phone"),
      children: <Typography.Text code>{data.phone_masked ?? "—"}</Typography.Text>,
    },
  ];
}
