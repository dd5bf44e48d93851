"""The Complaints screen (客户问题处理与投诉) across all customers."""
