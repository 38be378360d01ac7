import type { SitecareModule } from '../../system/module';
import { Order, OrderLine } from './order.entity';
import { CustomerOrdersResolver, OrderResolver, SiteOrdersResolver } from './order.resolver';
import { ordersSource } from '../../privacy/sources/commerce';
import './order.sql'; // its read definitions
import { orderSeed } from './order.seed';

export const ordersModule: SitecareModule = {
  name: 'orders',
  entities: [Order, OrderLine],
  resolvers: [OrderResolver, CustomerOrdersResolver, SiteOrdersResolver],
  personalData: [ordersSource],
  seed: orderSeed, // its part of the demo data
};
