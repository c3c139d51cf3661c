// The dashboard page: mount it (extension/lib/dashboard/app.ts).
import { mountDashboard } from '../../lib/dashboard/app.ts';

mountDashboard(document);
