import { z } from 'zod';
import type { ChannelKind, ChannelPlatform } from '../activities';
import { channelInput, channelSchema } from './activities';

/** Which platforms each kind of channel lives on: a radio programme is on the radio, and so on. */
export const PLATFORMS_BY_CHANNEL_KIND: Record<ChannelKind, readonly ChannelPlatform[]> = {
  website_column: ['website'],
  radio_programme: ['radio'],
  press_column: ['newspaper', 'tv'],
  social_page: ['facebook', 'zalo_oa', 'youtube', 'tiktok'],
  e_board: ['e_board'],
};

/** Any subset of the fields; an ended channel gets its endedOn here (delete is for mistakes). */
export const channelUpdate = channelInput.partial();
export type ChannelUpdate = z.infer<typeof channelUpdate>;

export const channelListItemSchema = channelSchema.extend({
  /** Ended on or before today: kept for history, no longer offered for new records. */
  isEnded: z.boolean(),
});
export type ChannelListItemDto = z.infer<typeof channelListItemSchema>;

export const channelListSchema = z.object({
  items: z.array(channelListItemSchema),
  /** The user may add, edit and end this unit's channels. */
  canManage: z.boolean(),
});
