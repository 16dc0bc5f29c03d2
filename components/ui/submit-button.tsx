"use client";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/** A submit button that shows the loading state while its enclosing form's action runs. */
export function SubmitButton({ isLoading, ...props }: Omit<ButtonProps, "type">) {
  const { pending } = useFormStatus();
  return <Button {...props} type="submit" isLoading={isLoading || pending} />;
}
