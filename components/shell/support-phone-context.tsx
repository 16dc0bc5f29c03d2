"use client";
import { createContext, useContext, type ReactNode } from "react";

// The hotline for client components (the agreement dialogs quote it): read on the server, handed down once.
const SupportPhoneContext = createContext("400-000-0000");

export function SupportPhoneProvider({ phone, children }: { phone: string; children: ReactNode }) {
  return <SupportPhoneContext.Provider value={phone}>{children}</SupportPhoneContext.Provider>;
}

export function useSupportPhone(): string {
  return useContext(SupportPhoneContext);
}
