// Every module's SQL readers (registered on import), as resolvers.ts lists every resolver.
import '../../modules/attachments/attachment.sql';
import '../../modules/customers/customer.sql';
import '../../modules/leads/lead.sql';
import '../../modules/orders/order.sql';
import '../../modules/sites/site.sql';
import '../../modules/subscriptions/subscription.sql';
import '../../modules/tickets/ticket.sql';
import '../../modules/ticket-time/time-entry.sql';
