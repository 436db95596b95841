/** uPlot and its stylesheet, as one lazily loaded chunk: only pages that draw a chart fetch it. */
import 'uplot/dist/uPlot.min.css';

export { default } from 'uplot';
