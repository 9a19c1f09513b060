import { DatePicker } from "antd";
import dayjs from "dayjs";
import { DATE_FORMAT, useDateRangePresets } from "./dateRangePresets";

type DayRangePickerProps = {
  /** First day (YYYY-MM-DD), or undefined for an open start. */
  from: string | undefined;
  /** Last day (YYYY-MM-DD), or undefined for an open end. */
  to: string | undefined;
  /** The picked days (YYYY-MM-DD); undefined where a side was cleared. */
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
  /** What each side holds (placeholders, read by screen readers). */
  placeholder: [string, string];
  /** Whether a side may stay empty (default: both). */
  allowEmpty?: [boolean, boolean];
};

/**
 * A filter's date range kept as calendar days (URL parameters), picked in the console's format with
 * the quick ranges 本月, 上月, 本季度, 今年.
 */
export function DayRangePicker({ from, to, onChange, placeholder, allowEmpty = [true, true] }: DayRangePickerProps) {
  const presets = useDateRangePresets();
  return (
    <DatePicker.RangePicker
      format={DATE_FORMAT}
      presets={presets}
      allowEmpty={allowEmpty}
      placeholder={placeholder}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(days) => onChange({ from: days?.[0]?.format(DATE_FORMAT), to: days?.[1]?.format(DATE_FORMAT) })}
    />
  );
}
