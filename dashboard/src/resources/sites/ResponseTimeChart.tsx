// Issue 22: a site's response times over 30 days (the daily roll-ups' median and 95th percentile),
// drawn with recharts. Loaded on its own (React.lazy in SiteCare), so the chart library never comes
// with the login page or the shell. The chart is a picture for sighted readers: the same figures are
// in the table beside it (SiteCare), and the picture's name says what it shows.
import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ResponseTimePoint {
  day: string;
  p50: number | null;
  p95: number | null;
}

export default function ResponseTimeChart({
  points,
  label,
  p50Label,
  p95Label,
}: {
  points: ResponseTimePoint[];
  label: string;
  p50Label: string;
  p95Label: string;
}) {
  const theme = useTheme();
  return (
    // The chart is laid over its box (absolute), so its drawn width never widens the page on a phone.
    <Box
      role="img"
      aria-label={label}
      data-testid="response-time-chart"
      sx={{ position: 'relative', width: '100%', height: 240, overflow: 'hidden' }}
    >
      <Box sx={{ position: 'absolute', inset: 0 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
            <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis unit=" ms" width={64} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="p50"
              name={p50Label}
              stroke={theme.palette.primary.main}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              type="monotone"
              dataKey="p95"
              name={p95Label}
              stroke={theme.palette.secondary.main}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
