/** Realistic devices and places for seeded and simulated sign-ins. */
export interface Device {
  userAgent: string;
  city: string;
  country: string;
  region?: string;
  ip: string;
}

export const DEVICES: Device[] = [
  {
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
    city: 'Lisbon',
    country: 'PT',
    region: 'Lisbon',
    ip: '193.136.10.24',
  },
  {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    city: 'Porto',
    country: 'PT',
    region: 'Porto',
    ip: '85.247.18.3',
  },
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    city: 'Berlin',
    country: 'DE',
    region: 'Berlin',
    ip: '91.64.201.77',
  },
  {
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    city: 'London',
    country: 'GB',
    region: 'England',
    ip: '81.2.69.160',
  },
  {
    userAgent:
      'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
    city: 'São Paulo',
    country: 'BR',
    region: 'São Paulo',
    ip: '177.71.128.9',
  },
  {
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
    city: 'New York',
    country: 'US',
    region: 'New York',
    ip: '72.229.28.185',
  },
  {
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36',
    city: 'Tokyo',
    country: 'JP',
    region: 'Tokyo',
    ip: '126.70.4.21',
  },
  {
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
    city: 'Sydney',
    country: 'AU',
    region: 'New South Wales',
    ip: '1.120.44.8',
  },
];

/** The headers an edge in front of the demo would have added for this device. */
export function deviceHeaders(device: Device): Headers {
  return new Headers({
    'user-agent': device.userAgent,
    'x-forwarded-for': device.ip,
    'cf-ipcity': device.city,
    'cf-ipcountry': device.country,
    ...(device.region ? { 'cf-region': device.region } : {}),
  });
}
