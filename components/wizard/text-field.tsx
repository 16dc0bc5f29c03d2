"use client";
import type { ComponentProps, ReactNode } from "react";
import { get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useMessage } from "@/components/forms/use-message";

type Common<V extends FieldValues> = { form: UseFormReturn<V>; name: Path<V>; label: ReactNode; hint?: ReactNode; isRequired?: boolean; className?: string };

/** A labelled input bound to the step's form; its zod message shows under it. */
export function TextField<V extends FieldValues>({ form, name, label, hint, isRequired = true, className, ...input }: Common<V> & Omit<ComponentProps<"input">, "name" | "form">) {
  const msg = useMessage();
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field label={label} hint={hint} error={msg(error)} isRequired={isRequired} className={className}>
      <Input {...input} {...form.register(name)} data-testid={`field-${name}`} />
    </Field>
  );
}

export function SelectField<V extends FieldValues>({ form, name, label, hint, isRequired = true, className, options, placeholder }: Common<V> & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const msg = useMessage();
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field label={label} hint={hint} error={msg(error)} isRequired={isRequired} className={className}>
      <Select {...form.register(name)} options={options} placeholder={placeholder} data-testid={`field-${name}`} />
    </Field>
  );
}
