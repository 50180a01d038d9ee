// One code enum for every error the API can return. The client maps codes to localized
// messages; the server maps them to HTTP status (server/platform/errors).
export const AppErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  RATE_LIMITED: 'RATE_LIMITED',
  CSRF_FAILED: 'CSRF_FAILED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  CONFLICT: 'CONFLICT',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  IN_USE: 'IN_USE',
  /** A proposal refused by a hard filter of the matching (issue 5): the message says which. */
  MATCH_EXCLUDED: 'MATCH_EXCLUDED',
  /** The person or the opening already has as many proposals under way as allowed (k / n). */
  PROPOSAL_LIMIT: 'PROPOSAL_LIMIT',
  ALREADY_PROPOSED: 'ALREADY_PROPOSED',
  INVITATION_INVALID: 'INVITATION_INVALID',
  PASSWORD_TOO_WEAK: 'PASSWORD_TOO_WEAK',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DEMO_ONLY: 'DEMO_ONLY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** Danish user-facing messages, one per code (exhaustive by type). */
export const appErrorMessagesDa: Record<TAppErrorCode, string> = {
  VALIDATION_FAILED: 'Nogle felter er ikke udfyldt korrekt.',
  UNAUTHENTICATED: 'Du skal logge ind.',
  SESSION_EXPIRED: 'Din session er udløbet. Log ind igen.',
  INVALID_CREDENTIALS: 'Forkert e-mail eller adgangskode.',
  ACCOUNT_DISABLED: 'Din konto er deaktiveret. Kontakt sekretariatet.',
  RATE_LIMITED: 'For mange loginforsøg. Vent et øjeblik, og prøv igen.',
  CSRF_FAILED: 'Sikkerhedstjekket fejlede. Genindlæs siden, og prøv igen.',
  FORBIDDEN: 'Du har ikke adgang til dette.',
  NOT_FOUND: 'Det findes ikke, eller du har ikke adgang til det.',
  ROUTE_NOT_FOUND: 'Adressen findes ikke.',
  CONFLICT: 'Handlingen strider mod eksisterende data.',
  EMAIL_TAKEN: 'Der findes allerede en bruger med denne e-mail.',
  IN_USE: 'Kan ikke slettes, fordi andre data henviser til det.',
  MATCH_EXCLUDED: 'Beboeren kan ikke foreslås til denne jobåbning.',
  PROPOSAL_LIMIT: 'Der er allerede så mange aktive forslag, som der må være.',
  ALREADY_PROPOSED: 'Beboeren er allerede foreslået til denne jobåbning.',
  INVITATION_INVALID: 'Invitationen er ugyldig eller udløbet. Bed om en ny.',
  PASSWORD_TOO_WEAK: 'Adgangskoden er for svag.',
  WRONG_PASSWORD: 'Den nuværende adgangskode er forkert.',
  PAYLOAD_TOO_LARGE: 'Forespørgslen er for stor.',
  DEMO_ONLY: 'Kun tilgængelig i demotilstand.',
  SERVICE_UNAVAILABLE: 'Tjenesten er midlertidigt utilgængelig.',
  INTERNAL: 'Der skete en uventet fejl. Prøv igen senere.',
};

export const appErrorMessagesEn: Record<TAppErrorCode, string> = {
  VALIDATION_FAILED: 'Some fields are not filled in correctly.',
  UNAUTHENTICATED: 'Please log in.',
  SESSION_EXPIRED: 'Your session has expired. Please log in again.',
  INVALID_CREDENTIALS: 'Wrong e-mail or password.',
  ACCOUNT_DISABLED: 'Your account is disabled. Contact the secretariat.',
  RATE_LIMITED: 'Too many login attempts. Wait a moment and try again.',
  CSRF_FAILED: 'The security check failed. Reload the page and try again.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'It does not exist, or you do not have access to it.',
  ROUTE_NOT_FOUND: 'The address does not exist.',
  CONFLICT: 'The action conflicts with existing data.',
  EMAIL_TAKEN: 'A user with this e-mail already exists.',
  IN_USE: 'Cannot be deleted because other data refers to it.',
  MATCH_EXCLUDED: 'The resident cannot be proposed for this opening.',
  PROPOSAL_LIMIT: 'There are already as many active proposals as allowed.',
  ALREADY_PROPOSED: 'The resident has already been proposed for this opening.',
  INVITATION_INVALID: 'The invitation is invalid or has expired. Ask for a new one.',
  PASSWORD_TOO_WEAK: 'The password is too weak.',
  WRONG_PASSWORD: 'The current password is wrong.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  DEMO_ONLY: 'Only available in demo mode.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
  INTERNAL: 'An unexpected error occurred. Please try again later.',
};

/** The error body every failing API response carries. */
export interface TApiErrorBody {
  error: {
    code: TAppErrorCode;
    message: string;
    /** Field path (dot-joined) → Danish message, for validation errors. */
    fields?: Record<string, string>;
  };
}
