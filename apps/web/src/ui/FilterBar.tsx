import { Button, Form, Select } from "antd";
import type { FormInstance } from "antd";
import type { ReactNode } from "react";

type FilterBarProps<Values> = {
  /** Form name (prefix of the fields' ids). */
  name: string;
  /** Called with the fields' values when the search button is pressed. */
  onSearch: (values: Values) => void;
  /** Called after the fields are cleared by the reset button. */
  onReset: () => void;
  searchLabel: ReactNode;
  resetLabel: ReactNode;
  /** The filter fields (`Form.Item`s named after the values). */
  children: ReactNode;
  /** The fields' values on the first render (filters kept in the URL). */
  initialValues?: Partial<Values>;
};

/** A line of list filters applied with a search button and cleared with a reset button. */
export function FilterBar<Values extends object>({
  name,
  onSearch,
  onReset,
  searchLabel,
  resetLabel,
  children,
  initialValues,
}: FilterBarProps<Values>) {
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      name={name}
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={onSearch}
      initialValues={initialValues}
    >
      {children}
      <Button type="primary" htmlType="submit">
        {searchLabel}
      </Button>
      <ResetButton form={form} onReset={onReset} label={resetLabel} />
    </Form>
  );
}

type SearchFormProps<Values> = {
  name: string;
  form: FormInstance<Values>;
  onFinish: (values: Values) => void;
  /** Called after the fields are cleared by the reset button. */
  onReset: () => void;
  resetLabel: ReactNode;
  /** Label of a submit button; none when the fields apply themselves as they change. */
  applyLabel?: ReactNode;
  /** The labelled filter fields. */
  children: ReactNode;
};

/** A labelled search landmark of list filters (filters usually kept in the URL), with a reset button. */
export function SearchForm<Values extends object>({
  name,
  form,
  onFinish,
  onReset,
  resetLabel,
  applyLabel,
  children,
}: SearchFormProps<Values>) {
  return (
    <Form<Values> name={name} form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12, marginBottom: 16 }} role="search">
      {children}
      {applyLabel === undefined ? null : (
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {applyLabel}
          </Button>
        </Form.Item>
      )}
      <Form.Item>
        <ResetButton form={form} onReset={onReset} label={resetLabel} />
      </Form.Item>
    </Form>
  );
}

type ResetButtonProps = { form: FormInstance; onReset: () => void; label: ReactNode };

function ResetButton({ form, onReset, label }: ResetButtonProps) {
  return (
    <Button
      onClick={() => {
        form.resetFields();
        onReset();
      }}
    >
      {label}
    </Button>
  );
}

type FilterSelectItemProps<Value> = {
  /** Name of the filter value. */
  name: string;
  label: ReactNode;
  placeholder: string;
  width: number;
  options: Array<{ value: Value; label: ReactNode }>;
  /** Called when the choice changes (filters applied as they change). */
  onChange?: () => void;
};

/** A labelled, clearable choice of a `SearchForm`. */
export function FilterSelectItem<Value extends string>({
  name,
  label,
  placeholder,
  width,
  options,
  onChange,
}: FilterSelectItemProps<Value>) {
  return (
    <Form.Item name={name} label={label}>
      <Select allowClear placeholder={placeholder} style={{ width }} onChange={onChange} options={options} />
    </Form.Item>
  );
}
