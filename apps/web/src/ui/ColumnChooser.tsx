import { SettingOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Popover, Typography } from "antd";
import type { ColumnType } from "antd/es/table";
import { useCallback, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

/** The key of a column: its `key`, else its `dataIndex`, else its position. */
export function columnKeyOf(column: { key?: unknown; dataIndex?: unknown }, index: number): string {
  if (typeof column.key === "string") {
    return column.key;
  }
  if (typeof column.dataIndex === "string") {
    return column.dataIndex;
  }
  return `column-${index}`;
}

const storagePrefix = "sanshe.columns.";

function readHidden(storageKey: string | undefined): string[] {
  if (!storageKey) {
    return [];
  }
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storagePrefix + storageKey) ?? "[]");
    return Array.isArray(stored) ? stored.filter((value): value is string => typeof value === "string") : [];
  } catch {
    return [];
  }
}

/** Which columns of a table are hidden: remembered in localStorage per table key (none without a key). */
export type ColumnChoice = {
  visible: (key: string) => boolean;
  hidden: readonly string[];
  setHidden: (hidden: string[]) => void;
};

/** The column choice of one table, read from and written to localStorage under `storageKey`. */
export function useColumnChoice<Item>(storageKey: string | undefined, columns: Array<ColumnType<Item>>): ColumnChoice {
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(storageKey));
  const keys = useMemo(() => columns.map((column, index) => columnKeyOf(column, index)), [columns]);
  const setHidden = useCallback(
    (next: string[]) => {
      // At least one column stays visible.
      const kept = next.filter((key) => keys.includes(key));
      const safe = kept.length >= keys.length ? kept.slice(0, -1) : kept;
      setHiddenState(safe);
      if (storageKey) {
        try {
          window.localStorage.setItem(storagePrefix + storageKey, JSON.stringify(safe));
        } catch {
          // Storage full or disabled: the choice lasts for this page only.
        }
      }
    },
    [keys, storageKey],
  );
  return useMemo(() => ({ visible: (key: string) => !hidden.includes(key), hidden, setHidden }), [hidden, setHidden]);
}

/**
 * 「列设置」: a labelled button opening a list of checkboxes, one per column (by its header text), to
 * show or hide columns (those with a text header); the last visible column cannot be hidden.
 */
export function ColumnChooser<Item>({ columns, choice }: { columns: Array<ColumnType<Item>>; choice: ColumnChoice }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const labelId = useId();
  // Only columns with a text header can be chosen (an actions column without a title always shows).
  const options = columns.flatMap((column, index) =>
    typeof column.title === "string" && column.title !== "" ? [{ value: columnKeyOf(column, index), label: column.title }] : [],
  );
  const visible = options.map((option) => option.value).filter((key) => choice.visible(key));
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 260 }}>
      <Typography.Text strong id={labelId}>
        {t("ui.columns.title")}
      </Typography.Text>
      <Checkbox.Group
        aria-labelledby={labelId}
        value={visible}
        onChange={(checked) => choice.setHidden(options.map((option) => option.value).filter((key) => !checked.includes(key)))}
      >
        <Flex vertical gap={4}>
          {options.map((option) => (
            <Checkbox key={option.value} value={option.value} disabled={visible.length === 1 && visible[0] === option.value}>
              {option.label}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button icon={<SettingOutlined />} aria-expanded={open} aria-haspopup="dialog" data-testid="column-chooser">
        {t("ui.columns.button")}
      </Button>
    </Popover>
  );
}
