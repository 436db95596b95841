/**
 * Moved to src/web/shell/router.tsx: the lint fence for src/app matches any folder named `app`, so src/web
 * keeps its router in shell/. This re-export keeps existing imports compiling; import from shell/ instead.
 */
export { Link, matchPath, navigate, usePath } from '../shell/router.tsx';
