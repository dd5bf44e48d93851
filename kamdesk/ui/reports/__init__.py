"""The Reports screen: account plans and the monthly review KPIs."""
