"use client";
import { useEffect } from "react";

// The number this browser last signed in with (issue 18, friction 7: the login phone was typed every time).
// Kept in localStorage on this device only; a sign-in with another number replaces it.
const KEY = "certdesk.loginPhone";

export function rememberLoginPhone(phone: string) {
  try {
    if (/^1\d{10}$/.test(phone)) window.localStorage.setItem(KEY, phone);
  } catch {
    // Private mode or storage off: nothing to remember.
  }
}

/** Fills the phone field with the remembered number once, if the field is still empty. */
export function useRememberedLoginPhone(fill: (phone: string) => void, isEmpty: () => boolean) {
  useEffect(() => {
    let phone: string | null = null;
    try {
      phone = window.localStorage.getItem(KEY);
    } catch {
      phone = null;
    }
    if (phone && isEmpty()) fill(phone);
    // Once, on mount: the user may clear or change the number afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
