from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "bienche.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment"
