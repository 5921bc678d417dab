/** Notifications of integration failures (the header's bell), the users an integration may notify, the wizard lock. */
import { z } from 'zod';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: 'registration_failed | retorno_failed' }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: 'Rota do console que a notificação abre' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });

export const notificationListSchema = z
  .object({ unread: z.number().int(), items: z.array(notificationSchema) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationReadBody = z
  .object({ ids: z.array(z.uuid()).max(200).optional().meta({ description: 'Sem ids: todas' }) })
  .strict();

export const notifiableUserSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});
export type NotifiableUser = z.infer<typeof notifiableUserSchema>;

export const wizardLockSchema = z
  .object({
    companyId: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'WizardLock' });
export type WizardLock = z.infer<typeof wizardLockSchema>;
