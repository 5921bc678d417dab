/** What the emulator answers about a charge: Efí's shapes (boleto, listing) and the control routes' own view. */
import type { FastifyRequest } from 'fastify';
import type { EmulatedCharge } from './state.js';

/** Links Efí would host: here, a page of the emulator itself. */
export function links(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  const link = `${request.protocol}://${request.host}${prefix}/boleto/${charge.id}`;
  return { link, billet_link: link, pdf: { charge: link } };
}

export function billet(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  return {
    barcode: charge.line,
    ...(charge.pix ? { pix: charge.pix } : {}),
    ...links(request, prefix, charge),
    expire_at: charge.expireAt,
  };
}

export function customerView(charge: EmulatedCharge) {
  const c = charge.customer;
  return c.juridical_person
    ? {
        cnpj: c.juridical_person.cnpj,
        corporate_name: c.juridical_person.corporate_name,
        phone_number: c.phone_number ?? null,
        email: c.email,
      }
    : { name: c.name, cpf: c.cpf, phone_number: c.phone_number ?? null, email: c.email };
}

export function listed(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  const method = charge.carnet ? 'carnet' : 'banking_billet';
  const view = charge.carnet
    ? { ...billet(request, prefix, charge), parcel: charge.carnet.parcel, carnet_id: charge.carnet.id }
    : billet(request, prefix, charge);
  return {
    id: charge.id,
    total: charge.totalCents,
    status: charge.status,
    custom_id: charge.customId,
    created_at: charge.createdAt,
    customer: customerView(charge),
    payment: {
      payment_method: method,
      paid_at: charge.paid ? `${charge.paid.on} 00:00:00` : null,
      ...(charge.paid ? { paid_value: charge.paid.cents } : {}),
      [method]: view,
    },
  };
}

/** What the control routes show of a charge (ours, not Efí's shape). */
export function controlView(charge: EmulatedCharge) {
  return {
    chargeId: charge.id,
    customId: charge.customId,
    status: charge.status,
    totalCents: charge.totalCents,
    expireAt: charge.expireAt,
    line: charge.line,
    pixCopyPaste: charge.pix?.qrcode ?? null,
    carnet: charge.carnet ?? null,
    paid: charge.paid ?? null,
    notificationUrl: charge.notificationUrl,
    notificationToken: charge.notificationToken,
    history: charge.history,
  };
}
