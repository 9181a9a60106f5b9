// stage Findings
