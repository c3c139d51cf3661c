// The toolbar popup page: mount it (extension/lib/popup/app.ts).
import { mountPopup } from '../../lib/popup/app.ts';

mountPopup(document);
