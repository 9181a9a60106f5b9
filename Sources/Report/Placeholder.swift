// stage Report
