import { useContext } from 'react';
import { CitizenSessionContext, type CitizenSessionValue } from './CitizenSessionProvider.tsx';

export function useCitizenSession(): CitizenSessionValue {
  const ctx = useContext(CitizenSessionContext);
  if (!ctx) throw new Error('useCitizenSession needs a <CitizenSessionProvider> above it');
  return ctx;
}
